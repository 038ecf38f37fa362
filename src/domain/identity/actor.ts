/** Who is calling, as established by a verified access token. */
export interface LearnerActor {
  readonly kind: 'learner';
  readonly userId: number;
}

export interface AdminActor {
  readonly kind: 'admin';
  readonly adminId: number;
}

export type TokenScope = 'user' | 'admin';
