import { describe, expect, it } from "vitest";
import { renderLetterPdf, type LetterContent } from "@/lib/letters/pdf";
import { addressBlock, letterAddressOf, letterBody, normalizePostcode, postalAddressOf } from "@/lib/letters/rules";
import { pdfPages } from "../../support/pdf-text";

describe("letterBody: the template greets and signs, the agent's text does not", () => {
  it("leaves out an own salutation line and a sign-off with the signature under it", () => {
    const typed = "Geachte mevrouw Jansen,\n\nWij hebben uw brief ontvangen.\n\nMet vriendelijke groet,\nJoost Meijer\nTeam Uitkeringen";
    expect(letterBody(typed)).toEqual({ text: "Wij hebben uw brief ontvangen.", removedSalutation: true, removedClosing: true });
  });

  it("knows the usual Dutch and English forms", () => {
    expect(letterBody("Beste Bram,\nDe betaling volgt.\nHoogachtend").text).toBe("De betaling volgt.");
    expect(letterBody("Dear Ms Jansen,\n\nPayment follows.\n\nKind regards,\nJoost").text).toBe("Payment follows.");
    expect(letterBody("Hallo,\nDe betaling volgt.\nGroeten").text).toBe("De betaling volgt.");
  });

  it("keeps content that only starts like a greeting, and a sign-off word inside the text", () => {
    const text = "Beste klant, wij hebben uw brief ontvangen.\nU krijgt de vriendelijke groet van ons team.";
    expect(letterBody(text)).toEqual({ text, removedSalutation: false, removedClosing: false });
  });

  it("keeps a text that is nothing but a greeting (there would be no letter left)", () => {
    expect(letterBody("Met vriendelijke groet").text).toBe("Met vriendelijke groet");
  });
});

describe("postcodes and the address block", () => {
  it("normalises Dutch postcodes and refuses what cannot be one", () => {
    expect(normalizePostcode("1234ab")).toBe("1234 AB");
    expect(normalizePostcode(" 3511  lk ")).toBe("3511 LK");
    for (const bad of ["0123 AB", "123 AB", "1234 A", "1234 SS", "12345", "AB 1234", ""]) expect(normalizePostcode(bad)).toBeNull();
  });

  it("needs street, postcode and city for an address", () => {
    expect(postalAddressOf({ postalStreet: "Dorpsstraat 1", postalCode: "1234 AB", postalCity: null })).toBeNull();
    expect(postalAddressOf({ postalStreet: " Dorpsstraat 1 ", postalCode: "1234 AB", postalCity: "Utrecht" })).toEqual({ street: "Dorpsstraat 1", postalCode: "1234 AB", city: "Utrecht" });
  });

  it("sends a ticket's letters to the organisation when there is one, else to the requester", () => {
    const home = { postalStreet: "Dorpsstraat 1", postalCode: "1234 AB", postalCity: "Utrecht" };
    const office = { name: "Van Dijk Bouw", postalStreet: "Industrieweg 9", postalCode: "3542 AD", postalCity: "Utrecht" };
    expect(letterAddressOf({ requesterId: "u1", requester: home, organisation: office })).toEqual({
      kind: "ORGANISATION",
      organisationName: "Van Dijk Bouw",
      address: { street: "Industrieweg 9", postalCode: "3542 AD", city: "Utrecht" },
    });
    expect(letterAddressOf({ requesterId: "u1", requester: home, organisation: null })).toEqual({
      kind: "PERSON",
      organisationName: null,
      address: { street: "Dorpsstraat 1", postalCode: "1234 AB", city: "Utrecht" },
    });
    // A known person without a full address: where to write is known, what is not.
    expect(letterAddressOf({ requesterId: "u1", requester: { ...home, postalCity: null }, organisation: null })).toEqual({ kind: "PERSON", organisationName: null, address: null });
    // An unknown caller: nobody to write to.
    expect(letterAddressOf({ requesterId: null, requester: null, organisation: null })).toEqual({ kind: null, organisationName: null, address: null });
  });

  it("puts the name first and the place in capitals after two spaces", () => {
    expect(addressBlock({ name: "Anna Jansen", organisationName: null, address: { street: "Dorpsstraat 1", postalCode: "1234 AB", city: "Utrecht" } })).toEqual([
      "Anna Jansen",
      "Dorpsstraat 1",
      "1234 AB  UTRECHT",
    ]);
  });
});

describe("the printed letter", () => {
  const letter: LetterContent = {
    locale: "nl",
    number: "LK-2026-000123",
    subject: "Bezwaar",
    recipientName: "Bram de Vries",
    organisationName: null,
    address: { street: "Kerkstraat 12", postalCode: "3511 LK", city: "Utrecht" },
    date: "24 november 2026",
    writtenAt: new Date("2026-11-24T09:30:00Z"),
    body: "Geachte heer De Vries,\n\nWij hebben uw bezwaar ontvangen.\n\nMet vriendelijke groet,\nJoost Meijer",
    senderName: "Joost Meijer",
  };

  it("greets once and closes once, whatever the agent typed", async () => {
    const lines = (await pdfPages(await renderLetterPdf(letter))).flat();
    expect(lines.filter((l) => /^(Geachte|Beste|Dear)\b/.test(l))).toEqual(["Geachte Bram de Vries,"]);
    expect(lines.filter((l) => /groet/i.test(l))).toEqual(["Met vriendelijke groet,"]);
    expect(lines.filter((l) => l === "Joost Meijer")).toHaveLength(1);
    expect(lines).toContain("Wij hebben uw bezwaar ontvangen.");
  });

  it("prints the address in the envelope window, name first, above the reference", async () => {
    const lines = (await pdfPages(await renderLetterPdf(letter))).flat();
    const at = lines.indexOf("Bram de Vries");
    expect(lines.slice(at, at + 3)).toEqual(["Bram de Vries", "Kerkstraat 12", "3511 LK  UTRECHT"]);
    expect(at + 3).toBe(lines.indexOf("Ons kenmerk"));
  });
});
