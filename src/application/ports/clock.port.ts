/** The current time, as a port: session lifetimes and grace windows are tested by moving it, never by sleeping. */
export interface Clock {
  now(): Date;
}
