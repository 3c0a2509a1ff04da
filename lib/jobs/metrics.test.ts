import { describe, expect, it } from "vitest";
import { prometheusText } from "./metrics";

describe("background metrics", () => {
  it("writes jobs by task, queue and state, the oldest waiting job and mail failures in Prometheus' text format", () => {
    const text = prometheusText({
      jobs: [
        { task: "mail.send", queue: null, state: "waiting", count: 3 },
        { task: "mail.send", queue: 'a"b', state: "running", count: 1 },
      ],
      oldestWaitingJobSeconds: 42,
      mail: { pending: 4, retrying: 1, sent: 10, failed: 2, mailbox: 0, failedLast24h: 1 },
    });
    expect(text).toContain('portal_jobs{task="mail.send",queue="",state="waiting"} 3\n');
    expect(text).toContain('portal_jobs{task="mail.send",queue="a\\"b",state="running"} 1\n');
    expect(text).toContain("portal_jobs_oldest_waiting_seconds 42\n");
    expect(text).toContain('portal_mail_messages{status="failed"} 2\n');
    expect(text).toContain("portal_mail_failed_last_24h 1\n");
    expect(text.endsWith("\n")).toBe(true);
  });
});
