import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUEUE_QUERY,
  pageCount,
  parseQueueQuery,
  queueQueryParams,
  searchTermOf,
  statusFilterOf,
  waitingRange,
} from "./queue-query";

describe("the reviewer queue's query", () => {
  it("defaults to the dossiers to review, the longest waiting first, page 1 of 25", () => {
    expect(parseQueueQuery({})).toEqual(DEFAULT_QUEUE_QUERY);
    expect(DEFAULT_QUEUE_QUERY).toMatchObject({ status: "a-instruire", sort: "attente", page: 1, pageSize: 25 });
    expect(statusFilterOf(DEFAULT_QUEUE_QUERY)).toBe("SUBMITTED");
  });

  it("reads every filter", () => {
    const query = parseQueueQuery(
      new URLSearchParams({ statut: "approuves", profil: "2", type: "modification", attente: "plus-de-30-jours", q: "  Santé   Numérique ", tri: "organisation", page: "500" }),
    );
    expect(query).toEqual({
      status: "approuves",
      assignment: null,
      profileCode: "2",
      kind: "modification",
      waiting: "plus-de-30-jours",
      search: "Santé Numérique",
      sort: "organisation",
      page: 500,
      pageSize: 25,
    });
    expect(statusFilterOf(query)).toBe("APPROVED");
    expect(searchTermOf(query)).toBe("sante numerique");
    expect(statusFilterOf(parseQueueQuery({ statut: "tous" }))).toBeNull();
  });

  it.each([
    ["statut", "brouillon"],
    ["statut", "DRAFT"],
    ["type", "autre"],
    ["attente", "1-jour"],
    ["tri", "'; DROP TABLE"],
    ["attribution", "les-dossiers-de-bob"],
    ["page", "0"],
    ["page", "-1"],
    ["page", "2.5"],
    ["page", "1e3"],
    ["page", "9999999999999"],
    ["page", "100001"],
    ["profil", "<script>"],
    ["profil", "x".repeat(41)],
  ])("falls back to the default for %s=%s, without throwing", (key, value) => {
    const query = parseQueueQuery({ [key]: value });
    const field = { statut: "status", attribution: "assignment", type: "kind", attente: "waiting", tri: "sort", page: "page", profil: "profileCode" }[key] as keyof typeof query;
    expect(query[field]).toEqual(DEFAULT_QUEUE_QUERY[field]);
  });

  it("reads whose dossiers to show, and writes it back", () => {
    expect(parseQueueQuery({ attribution: "mes-dossiers" }).assignment).toBe("mes-dossiers");
    expect(parseQueueQuery({ attribution: ["non-attribues", "mes-dossiers"] }).assignment).toBe("non-attribues");
    expect(queueQueryParams(parseQueueQuery({ attribution: "non-attribues", statut: "tous" })).toString()).toBe("statut=tous&attribution=non-attribues");
  });

  it("takes the first of repeated parameters and cuts a long search", () => {
    expect(parseQueueQuery({ page: ["3", "4"], q: "a".repeat(500) })).toMatchObject({ page: 3, search: "a".repeat(100) });
    expect(parseQueueQuery({ q: ["x", "y"] }).search).toBe("x");
  });

  it("writes the query back as URL parameters, defaults left out", () => {
    expect(queueQueryParams(DEFAULT_QUEUE_QUERY).toString()).toBe("");
    const query = parseQueueQuery({ statut: "refuses", q: "siret 123", tri: "recents" });
    expect(queueQueryParams(query, { page: 2 }).toString()).toBe("statut=refuses&q=siret+123&tri=recents&page=2");
    expect(parseQueueQuery(queueQueryParams(query, { page: 2 }))).toEqual({ ...query, page: 2 });
  });

  it("counts pages of 25", () => {
    expect([0, 1, 25, 26, 100_000].map(pageCount)).toEqual([1, 1, 1, 2, 4000]);
  });
});

describe("waiting time", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const hour = 3600_000;

  it("maps each bucket to a range of submission dates", () => {
    const day = 24 * hour;
    expect(waitingRange("moins-de-7-jours", now)).toEqual({ submittedAfter: ago(7 * day) });
    expect(waitingRange("7-a-30-jours", now)).toEqual({ submittedAfter: ago(30 * day), submittedOnOrBefore: ago(7 * day) });
    expect(waitingRange("plus-de-30-jours", now)).toEqual({ submittedOnOrBefore: ago(30 * day) });
  });
});
