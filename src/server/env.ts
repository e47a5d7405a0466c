/** What every route can reach: the database and how it was opened, and who is signed in. */
import type { Database } from "../db/connection.ts";
import type { SessionRef } from "./auth/sessions.ts";
import type { Actor } from "./policies.ts";

export type AppEnv = {
  Variables: {
    database: Database;
    /** The signed-in user (null: nobody), set by auth/middleware.ts `sessionMiddleware`. */
    actor: Actor | null;
    /** The current session (null: none); its csrfToken guards writes. */
    session: SessionRef | null;
    /** The clock, when the app was given one (tests); routes read it through context.nowOf. */
    now: () => Date;
  };
};
