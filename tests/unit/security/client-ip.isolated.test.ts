import { describe, expect, it } from "vitest";
import { addressBucket, clientIp, normaliseAddress } from "@/lib/security/client-ip";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIp", () => {
  it.each([
    // [X-Forwarded-For, X-Real-IP, trusted hops, expected]
    ["198.51.100.7", "", 0, "198.51.100.7"],
    ["203.0.113.9, 198.51.100.7", "", 0, "198.51.100.7"],
    // Behind one proxy the forged leftmost entry is ignored; the proxy's entry counts.
    ["203.0.113.9, 198.51.100.7", "", 1, "198.51.100.7"],
    ["203.0.113.9, 198.51.100.7, 10.0.0.2", "", 2, "198.51.100.7"],
    // Fewer entries than hops: the leftmost is all there is.
    ["198.51.100.7", "", 3, "198.51.100.7"],
    ["", "192.0.2.4", 1, "192.0.2.4"],
    ["not-an-ip", "192.0.2.4", 0, "192.0.2.4"],
    ["198.51.100.7:51234", "", 0, "198.51.100.7"],
    ["[2001:db8::1]:443", "", 0, "2001:db8::1"],
    ["::ffff:192.0.2.10", "", 0, "192.0.2.10"],
    ["", "", 0, "unknown"],
    ["<script>", "x", 0, "unknown"],
  ])("XFF %j, X-Real-IP %j, hops %i -> %s", (xff, real, hops, expected) => {
    const values: Record<string, string> = {};
    if (xff) values["x-forwarded-for"] = xff;
    if (real) values["x-real-ip"] = real;
    expect(clientIp(headers(values), hops)).toBe(expected);
  });

  it("reads TRUST_PROXY from the environment when no hop count is given", () => {
    const previous = process.env.TRUST_PROXY;
    try {
      const chain = headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7, 10.0.0.2" });
      process.env.TRUST_PROXY = "2";
      expect(clientIp(chain)).toBe("198.51.100.7");
      process.env.TRUST_PROXY = "nonsense";
      expect(clientIp(chain)).toBe("10.0.0.2");
    } finally {
      if (previous === undefined) delete process.env.TRUST_PROXY;
      else process.env.TRUST_PROXY = previous;
    }
  });

  it("normaliseAddress refuses anything that is not an address", () => {
    expect(normaliseAddress("2001:DB8::A")).toBe("2001:db8::a");
    expect(normaliseAddress("999.1.1.1")).toBeNull();
    expect(normaliseAddress("")).toBeNull();
  });
});

describe("addressBucket", () => {
  it.each([
    ["198.51.100.7", "198.51.100.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::ffff", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:0000:0000:0000:0001", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["64:ff9b::192.0.2.33", "64:ff9b:0:0::/64"],
    ["unknown", "unknown"],
  ])("%s counts as %s", (address, bucket) => {
    expect(addressBucket(address)).toBe(bucket);
  });

  it("puts every address of one /64 in one bucket, and a neighbouring /64 in another", () => {
    const buckets = new Set(["2001:db8:a:b::1", "2001:db8:a:b:ffff:ffff:ffff:ffff", "2001:db8:a:b:1::"].map(addressBucket));
    expect([...buckets]).toEqual(["2001:db8:a:b::/64"]);
    expect(addressBucket("2001:db8:a:c::1")).not.toBe(addressBucket("2001:db8:a:b::1"));
  });
});
