import { describe, expect, it } from 'vitest';
import { isLoopbackIp, parseCidr, parseIpAddress } from './parse-ip-address.js';

// [input, net.ParseIP(x).To16() bytes ([] when nil), ParseCIDR prefix length on 16 bytes (-1 when invalid),
// IsLoopback] from Go 1.19's net package.
const CASES: readonly (readonly [string, readonly number[], number, boolean])[] = [["127.0.0.1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 127, 0, 0, 1], -1, true], ["10.1.2.3", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 10, 1, 2, 3], -1, false], ["010.1.2.3", [], -1, false], ["256.1.1.1", [], -1, false], ["1.2.3", [], -1, false], ["1.2.3.4.5", [], -1, false], ["::1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], -1, true], ["::", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], -1, false], ["2001:db8::1", [32, 1, 13, 184, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], -1, false], ["2001:db8:0:0:0:0:0:1:2", [], -1, false], ["::ffff:127.0.0.1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 127, 0, 0, 1], -1, true], ["::ffff:10.0.0.1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 10, 0, 0, 1], -1, false], ["fe80::1%eth0", [], -1, false], ["1::2::3", [], -1, false], ["2001:db8::g", [], -1, false], ["[::1]", [], -1, false], ["10.0.0.0/8", [], 104, false], ["10.0.0.0/33", [], -1, false], ["2001:db8::/32", [], 32, false], ["127.0.0.1/08", [], 104, false], ["::1/128", [], 128, false], ["a.example", [], -1, false], ["", [], -1, false], ["1:2:3:4:5:6:7:8", [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8], -1, false], ["1:2:3:4:5:6:1.2.3.4", [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4], -1, false], ["::1.2.3.4", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4], -1, false], ["12345::1", [], -1, false]];

describe('parseIpAddress / parseCidr', () => {
  it.each(CASES)('reads %j like net.ParseIP and net.ParseCIDR', (input, bytes, bits, loopback) => {
    const ip = parseIpAddress(input);
    expect(ip ?? []).toEqual(bytes);
    expect(parseCidr(input)?.bits ?? -1).toBe(bits);
    expect(ip !== null && isLoopbackIp(ip)).toBe(loopback);
  });
});
