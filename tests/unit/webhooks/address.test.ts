// The address classifier behind the webhook SSRF guard: which addresses a webhook may reach.
import { describe, expect, it } from "vitest";
import { addressAllowed, classifyAddress, literalAddress } from "@/lib/webhooks/address";
import { webhookUrlRefusal } from "@/lib/webhooks/rules";

describe("classifyAddress", () => {
  it("knows IPv4 loopback, private, link-local (cloud metadata) and reserved ranges", () => {
    for (const a of ["127.0.0.1", "127.255.255.254"]) expect(classifyAddress(a), a).toBe("loopback");
    for (const a of ["10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.10", "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255"]) {
      expect(classifyAddress(a), a).toBe("internal");
    }
    for (const a of ["8.8.8.8", "172.32.0.1", "172.15.255.255", "192.169.0.1", "93.184.216.34"]) expect(classifyAddress(a), a).toBe("public");
  });

  it("knows IPv6 loopback, unique-local, link-local and the unspecified address", () => {
    expect(classifyAddress("::1")).toBe("loopback");
    expect(classifyAddress("[::1]")).toBe("loopback");
    expect(classifyAddress("0:0:0:0:0:0:0:1")).toBe("loopback");
    for (const a of ["::", "fc00::1", "fd12:3456::1", "fe80::1", "fe80::1%eth0", "febf::1", "ff02::1"]) expect(classifyAddress(a), a).toBe("internal");
    for (const a of ["2001:4860:4860::8888", "2a00:1450::1"]) expect(classifyAddress(a), a).toBe("public");
  });

  it("judges an IPv4 address inside IPv6 (mapped, compatible, NAT64, 6to4) by the IPv4 address", () => {
    expect(classifyAddress("::ffff:127.0.0.1")).toBe("loopback");
    expect(classifyAddress("::ffff:7f00:1")).toBe("loopback");
    expect(classifyAddress("::ffff:a9fe:a9fe")).toBe("internal"); // 169.254.169.254
    expect(classifyAddress("::ffff:10.0.0.1")).toBe("internal");
    expect(classifyAddress("::10.0.0.1")).toBe("internal");
    expect(classifyAddress("64:ff9b::c0a8:101")).toBe("internal"); // 192.168.1.1
    expect(classifyAddress("2002:c0a8:101::1")).toBe("internal");
    expect(classifyAddress("::ffff:8.8.8.8")).toBe("public");
  });

  it("refuses what is not an address at all", () => {
    expect(classifyAddress("localhost")).toBe("internal");
    expect(literalAddress("backoffice.example")).toBeNull();
  });

  it("allows loopback only when asked (outside production)", () => {
    expect(addressAllowed("127.0.0.1", true)).toBe(true);
    expect(addressAllowed("127.0.0.1", false)).toBe(false);
    expect(addressAllowed("10.0.0.1", true)).toBe(false);
    expect(addressAllowed("8.8.8.8", false)).toBe(true);
  });
});

describe("webhookUrlRefusal with address literals", () => {
  it("refuses internal addresses in the forms the URL parser normalises (decimal, hex, short, IPv6)", () => {
    expect(new URL("https://2130706433/").hostname).toBe("127.0.0.1");
    for (const url of ["https://2130706433/hook", "https://0x7f000001/hook", "https://0x7f.1/hook", "https://127.1/hook", "https://[::1]/hook", "https://[::ffff:127.0.0.1]/hook"]) {
      expect(webhookUrlRefusal(url, true), url).toBe("URL_INTERNAL");
      expect(webhookUrlRefusal(url, false), url).toBeNull(); // loopback stays allowed outside production
    }
    for (const url of ["https://169.254.169.254/latest/meta-data/", "https://0xa9fea9fe/", "https://10.1.2.3/hook", "https://[fd00::1]/", "https://[::ffff:192.168.0.1]/", "https://0.0.0.0/", "https://0/"]) {
      expect(webhookUrlRefusal(url, false), url).toBe("URL_INTERNAL");
    }
    expect(webhookUrlRefusal("http://10.0.0.1/hook", false)).toBe("URL_INTERNAL");
    expect(webhookUrlRefusal("https://93.184.216.34/hook", true)).toBeNull();
  });
});
