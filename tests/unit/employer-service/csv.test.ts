import { describe, expect, it } from "vitest";
import { csvTime, overviewCsv } from "@/lib/employer-service/csv";

const labels = {
  columns: { number: "Nr", subject: "Onderwerp", category: "Cat", status: "Status", requester: "Door", createdAt: "Ontvangen", dueAt: "Uiterlijk", answeredAt: "Beantwoord", timing: "Termijn" },
  timing: (t: string) => t,
};

describe("overview CSV", () => {
  it("writes Amsterdam times, semicolons and a byte-order mark", () => {
    expect(csvTime(new Date("2026-01-15T08:05:00Z"))).toBe("2026-01-15 09:05");
    expect(csvTime(new Date("2026-07-15T08:05:00Z"))).toBe("2026-07-15 10:05");
    expect(csvTime(null)).toBe("");
    const csv = overviewCsv(
      [{ number: "LK-2026-000001", subject: "Loon; maart", category: "Spoed", status: "Open", requester: "Eva", createdAt: new Date("2026-01-15T08:05:00Z"), dueAt: null, answeredAt: null, timing: "OPEN" }],
      labels,
    );
    expect(csv).toBe('\uFEFFNr;Onderwerp;Cat;Status;Door;Ontvangen;Uiterlijk;Beantwoord;Termijn\r\nLK-2026-000001;"Loon; maart";Spoed;Open;Eva;2026-01-15 09:05;;;OPEN\r\n');
  });

  it("neutralises cells a spreadsheet would run as a formula, tab and carriage return included", () => {
    const row = { number: "LK", subject: "-2+3", category: "@x", status: "Open", requester: "\t=1+1", createdAt: new Date(0), dueAt: null, answeredAt: null, timing: "NONE" as const };
    const line = overviewCsv([row], labels).split("\r\n")[1]!;
    expect(line.split(";").slice(1, 5)).toEqual(["'-2+3", "'@x", "Open", "'\t=1+1"]);
  });
});
