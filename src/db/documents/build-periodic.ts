/** PLACEHOLDER (contract only): replaced by the helper that builds the periodic document. */
import type { OfficialDocument } from "../../domain/official-document.ts";
import type { Db } from "../connection.ts";
import type { BuildRequest } from "./build.ts";

export async function buildPeriodicReport(_db: Db, _req: BuildRequest): Promise<OfficialDocument> {
  throw new Error("buildPeriodicReport: not built yet");
}
