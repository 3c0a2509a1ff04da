import "server-only";
import { db } from "../db.server";
import { formatDateTime } from "../time";
import { BROKEN_LINK_MESSAGES, checkLinks, type BrokenLink } from "./chain";

export type ChainReport =
  | { ok: true; events: number; head: string | null }
  | { ok: false; events: number; broken: BrokenLink | { problem: "head" | "unchained"; detail: string }; message: string };

const BATCH = 5_000;

/**
 * Walks the whole chain, oldest first, in keyset batches, recomputing each hash independently of the database, and
 * names the first broken link. Then checks that the chain's end is the last event, and that no committed event was
 * left unchained (an event gets its link in its own transaction, so another session never sees it without one).
 */
export async function verifyEventChain(): Promise<ChainReport> {
  let from = { sequence: 0, hash: null as string | null };
  let count = 0;
  for (;;) {
    const events = await db().event.findMany({ where: { sequence: { gt: BigInt(from.sequence) } }, orderBy: { sequence: "asc" }, take: BATCH });
    if (events.length === 0) break;
    const result = checkLinks(
      events.map((e) => ({ ...e, sequence: e.sequence ?? 0n })),
      from,
    );
    if (result.broken) {
      const b = result.broken;
      return {
        ok: false,
        events: count,
        broken: b,
        message: `Maillon n° ${b.sequence} rompu (événement ${b.eventId}, ${b.name}, du ${formatDateTime(b.occurredAt)}) : ${BROKEN_LINK_MESSAGES[b.problem]}.`,
      };
    }
    count += events.length;
    from = result.last;
  }
  const head = await db().eventChainHead.findUniqueOrThrow({ where: { id: 1 } });
  if (Number(head.sequence) !== from.sequence || head.hash !== from.hash) {
    const detail = `la fin de chaîne enregistrée (n° ${head.sequence}) ne correspond pas au dernier maillon (n° ${from.sequence})`;
    return { ok: false, events: count, broken: { problem: "head", detail }, message: `Fin de chaîne incohérente : ${detail} ; des événements ont été supprimés.` };
  }
  const unchained = await db().event.count({ where: { sequence: null } });
  if (unchained > 0) {
    const detail = `${unchained} événement(s) sans maillon`;
    return { ok: false, events: count, broken: { problem: "unchained", detail }, message: `${detail} : ils ont été écrits sans passer par le déclencheur de chaînage.` };
  }
  return { ok: true, events: count, head: head.hash };
}
