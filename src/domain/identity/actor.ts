/** Who is calling, as established by a verified access token. */
export interface LearnerActor {
  readonly kind: 'learner';
  readonly userId: number;
  /** The session (refresh-token family) the access token was issued for, when it came from a login or refresh. */
  readonly sessionId?: number;
}

export interface AdminActor {
  readonly kind: 'admin';
  readonly adminId: number;
}

export type TokenScope = 'user' | 'admin';
