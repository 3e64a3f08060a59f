// /api/v1/people and /api/v1/organisations: find by external number or e-mail, create and update
// through the administration's own commands; scopes, the organisation limit (404 for another
// organisation's record), problem details with field errors, and idempotent creates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as findPeople, POST as createPerson } from "@/app/api/v1/people/route";
import { GET as readPerson, PATCH as updatePerson } from "@/app/api/v1/people/[id]/route";
import { GET as findOrganisations, POST as createOrganisation } from "@/app/api/v1/organisations/route";
import { GET as readOrganisation, PATCH as updateOrganisation } from "@/app/api/v1/organisations/[id]/route";
import { db } from "@/lib/db/client";
import { erasePerson } from "@/lib/privacy/erasure";
import { closeRateLimits } from "@/lib/security/rate-limit";
import { call, expectProblem, makeToken } from "../support/api-client";
import { seedDemo } from "../support/fixtures";

const BOTH = ["people:read", "people:write"] as const;
let admin: string;
let limited: string;
let readOnly: string;
let vandijk: string;
let zorgnoord: string;

beforeAll(async () => {
  await seedDemo(new Date("2026-11-24T10:00:00Z"));
  vandijk = (await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40012" } })).id;
  zorgnoord = (await db.organisation.findUniqueOrThrow({ where: { externalNumber: "WG-40877" } })).id;
  admin = (await makeToken({ actor: "admin@loket.example", scopes: [...BOTH] })).secret;
  limited = (await makeToken({ actor: "admin@loket.example", scopes: [...BOTH], organisationId: vandijk })).secret;
  readOnly = (await makeToken({ actor: "admin@loket.example", scopes: ["people:read", "tickets:read"] })).secret;
}, 120_000);

afterAll(async () => {
  await closeRateLimits();
});


describe("people", () => {
  it("finds a person by client number or e-mail", async () => {
    const byNumber = await call(findPeople, { path: "/api/v1/people?clientNumber=K-100231", token: admin });
    expect(byNumber.status).toBe(200);
    expect(byNumber.body.data.map((p: { email: string }) => p.email)).toEqual(["anna.jansen@burger.example"]);
    const byEmail = await call(findPeople, { path: "/api/v1/people?email=Anna.Jansen@burger.example", token: admin });
    expect(byEmail.body.data.map((p: { clientNumber: string }) => p.clientNumber)).toEqual(["K-100231"]);
    const neither = await call(findPeople, { path: "/api/v1/people", token: admin });
    expectProblem(neither, 422, "INVALID_INPUT");
    expect(neither.body.errors).toEqual([{ pointer: "#/clientNumber", detail: "REQUIRED" }]);
  });

  it("shows an organisation-limited token only its organisation's people (404 for anyone else)", async () => {
    const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" } });
    const lisa = await db.user.findUniqueOrThrow({ where: { email: "lisa.smit@zorggroepnoord.example" } });
    expect((await call(readPerson, { path: "/p", token: limited, params: { id: eva.id } })).body.organisations.map((o: { id: string }) => o.id)).toEqual([vandijk]);
    expectProblem(await call(readPerson, { path: "/p", token: limited, params: { id: lisa.id } }), 404, "NOT_FOUND");
    expect((await call(findPeople, { path: "/api/v1/people?clientNumber=K-100231", token: limited })).body.data).toEqual([]);
    expectProblem(await call(createPerson, { method: "POST", path: "/p", token: limited, body: { name: "Nieuw", email: "n@example.org", clientNumber: "K-1" } }), 403, "ORGANISATION_LIMITED");
  });

  it("tells an integrator an employer contact is not changed here, and changes nothing", async () => {
    const eva = await db.user.findUniqueOrThrow({ where: { email: "eva.bakker@vandijk.example" } });
    expectProblem(await call(updatePerson, { method: "PATCH", path: "/p", token: admin, params: { id: eva.id }, body: { phone: "0699999999" } }), 409, "NOT_A_BENEFICIARY");
    expect((await db.user.findUniqueOrThrow({ where: { id: eva.id } })).phone).toBe(eva.phone);
  });

  it("hands nothing of an erased person back through a replay of the request that created them", async () => {
    const body = { name: "Dirk Doorn", email: "dirk.doorn@burger.example", clientNumber: "K-200009", phone: "0611112222" };
    const first = await call(createPerson, { method: "POST", path: "/p", token: admin, body, idempotencyKey: "person-erased" });
    expect(first.status).toBe(201);
    const adminUser = await db.user.findUniqueOrThrow({ where: { email: "admin@loket.example" } });
    await db.$transaction((tx) => erasePerson(tx, adminUser.id, first.body.id, "Verzoek tot verwijdering", new Date()));
    expect(await db.apiIdempotencyKey.count({ where: { key: "person-erased" } })).toBe(0);
    // The same request again is a new one: it does not answer with the erased person's stored data.
    const replay = await call(createPerson, { method: "POST", path: "/p", token: admin, body, idempotencyKey: "person-erased" });
    expect(replay.body.id).not.toBe(first.body.id);
  });

  it("creates a beneficiary once per Idempotency-Key, and refuses bad fields and a missing scope", async () => {
    const body = { name: "Carla Koster", email: "carla.koster@burger.example", clientNumber: "K-200001", postalCode: "1234ab" };
    expectProblem(await call(createPerson, { method: "POST", path: "/p", token: readOnly, body }), 403, "INSUFFICIENT_SCOPE");
    const first = await call(createPerson, { method: "POST", path: "/p", token: admin, body, idempotencyKey: "person-1" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: "Carla Koster", role: "BENEFICIARY", clientNumber: "K-200001", postalCode: "1234 AB" });
    const again = await call(createPerson, { method: "POST", path: "/p", token: admin, body, idempotencyKey: "person-1" });
    expect(again.body.id).toBe(first.body.id);
    expect(await db.user.count({ where: { clientNumber: "K-200001" } })).toBe(1);
    expectProblem(await call(createPerson, { method: "POST", path: "/p", token: admin, body: { ...body, name: "Ander" }, idempotencyKey: "person-1" }), 422, "IDEMPOTENCY_KEY_REUSED");
    expectProblem(await call(createPerson, { method: "POST", path: "/p", token: admin, body: { ...body, email: "ander@burger.example" } }), 409, "CLIENT_NUMBER_TAKEN");
    const bad = await call(createPerson, { method: "POST", path: "/p", token: admin, body: { name: "X", email: "geen", clientNumber: "K-3" } });
    expectProblem(bad, 422, "INVALID_INPUT");
    expect(bad.body.errors).toEqual(expect.arrayContaining([{ pointer: "#/name", detail: "TOO_SHORT:2" }, { pointer: "#/email", detail: "INVALID_EMAIL" }]));
    // A field left out, or of the wrong type, is a code too, not the validator's English sentence.
    const missing = await call(createPerson, { method: "POST", path: "/p", token: admin, body: { email: "x@burger.example", clientNumber: 12345, locale: "fr" } });
    expectProblem(missing, 422, "INVALID_INPUT");
    expect(missing.body.errors).toEqual([{ pointer: "#/name", detail: "REQUIRED" }, { pointer: "#/clientNumber", detail: "INVALID_TYPE" }, { pointer: "#/locale", detail: "INVALID_CHOICE" }]);
    // A rule of the service says what it is, beside its code.
    expect((await call(createPerson, { method: "POST", path: "/p", token: admin, body: { ...body, email: "ander2@burger.example" } })).body).toMatchObject({ status: 409, code: "CLIENT_NUMBER_TAKEN", detail: expect.stringContaining("nothing was changed") });
  });

  it("creates a beneficiary known only by post (no e-mail address), and will not clear the address of someone who logs in", async () => {
    const created = await call(createPerson, { method: "POST", path: "/p", token: admin, body: { name: "Dirk Brief", clientNumber: "K-200002", postalStreet: "Kade 3", postalCode: "1011AB", postalCity: "Amsterdam" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Dirk Brief", email: null, clientNumber: "K-200002" });
    const bram = await db.user.findUniqueOrThrow({ where: { email: "bram.devries@burger.example" } });
    expectProblem(await call(updatePerson, { method: "PATCH", path: "/p", token: admin, body: { email: null }, params: { id: bram.id } }), 409, "EMAIL_NEEDED_FOR_PORTAL");
    expect((await db.user.findUniqueOrThrow({ where: { id: bram.id } })).email).toBe("bram.devries@burger.example");
  });

  it("updates only the fields given", async () => {
    const bram = await db.user.findUniqueOrThrow({ where: { email: "bram.devries@burger.example" } });
    const answer = await call(updatePerson, { method: "PATCH", path: "/p", token: admin, body: { phone: "0611111111" }, params: { id: bram.id } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ phone: "0611111111", name: bram.name, email: bram.email, clientNumber: bram.clientNumber });
    const bad = await call(updatePerson, { method: "PATCH", path: "/p", token: admin, body: { postalCode: "nope" }, params: { id: bram.id } });
    expectProblem(bad, 422, "INVALID_INPUT");
    expect(bad.body.errors).toEqual([{ pointer: "#/postalCode", detail: "POSTCODE" }]);
  });
});

describe("organisations", () => {
  it("finds by external number, and an organisation-limited token only its own", async () => {
    const found = await call(findOrganisations, { path: "/api/v1/organisations?externalNumber=wg-40012", token: admin });
    expect(found.body.data.map((o: { id: string }) => o.id)).toEqual([vandijk]);
    expect((await call(findOrganisations, { path: "/api/v1/organisations?externalNumber=WG-40877", token: limited })).body.data).toEqual([]);
    expect((await call(readOrganisation, { path: "/o", token: limited, params: { id: vandijk } })).status).toBe(200);
    expectProblem(await call(readOrganisation, { path: "/o", token: limited, params: { id: zorgnoord } }), 404, "NOT_FOUND");
    expectProblem(await call(updateOrganisation, { method: "PATCH", path: "/o", token: limited, body: { name: "Overgenomen" }, params: { id: zorgnoord } }), 404, "NOT_FOUND");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: zorgnoord } })).name).not.toBe("Overgenomen");
  });

  it("creates (idempotently) and updates through the administration's commands", async () => {
    const body = { externalNumber: "wg-50001", name: "Bakkerij Brood", kind: "EMPLOYER", kvkNumber: "6912.3457" };
    const first = await call(createOrganisation, { method: "POST", path: "/o", token: admin, body, idempotencyKey: "org-1" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ externalNumber: "WG-50001", name: "Bakkerij Brood", active: true });
    expect((await call(createOrganisation, { method: "POST", path: "/o", token: admin, body, idempotencyKey: "org-1" })).body.id).toBe(first.body.id);
    expect(await db.auditEvent.count({ where: { organisationId: first.body.id } })).toBeGreaterThan(0);
    const renamed = await call(updateOrganisation, { method: "PATCH", path: "/o", token: admin, body: { name: "Bakkerij Brood en Banket" }, params: { id: first.body.id } });
    // A PATCH changes only what it names: the KvK number eHerkenning logins depend on stays.
    expect(renamed.body).toMatchObject({ name: "Bakkerij Brood en Banket", externalNumber: "WG-50001", kvkNumber: "69123457", rsin: null });
    const bad = await call(createOrganisation, { method: "POST", path: "/o", token: admin, body: { externalNumber: "", name: "A", kind: "SHOP" } });
    expectProblem(bad, 422, "INVALID_INPUT");
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(["#/externalNumber", "#/kind", "#/name"]);
    expectProblem(await call(findOrganisations, { path: "/api/v1/organisations?externalNumber=WG-40012" }), 401, "TOKEN_MISSING");
  });
});
