/** Who performs a write: recorded on rows and in the audit log. */
export interface ActorRef {
  userId: number | null;
  username: string;
}

export const SYSTEM: ActorRef = { userId: null, username: "system" };
