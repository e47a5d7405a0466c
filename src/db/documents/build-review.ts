/** PLACEHOLDER (contract only): replaced by the helper that builds the review document. */
import type { OfficialDocument } from "../../domain/official-document.ts";
import type { Db } from "../connection.ts";
import type { BuildRequest } from "./build.ts";

export async function buildReview(_db: Db, _req: BuildRequest): Promise<OfficialDocument> {
  throw new Error("buildReview: not built yet");
}
