// The rate limiter's notion of "one client". One person commonly holds a whole IPv6 /64 (often a
// /48), so IPv6 addresses are bucketed by /64; IPv4 addresses by /32.
import type { Config } from "./config.js";
import type { Arrival } from "./origin.js";

/**
 * The bucket key for this request's client.
 * `CF-Connecting-IP` is trusted only where the operator says Cloudflare's edge set it (BEHIND_CLOUDFLARE=
 * "true"): off that edge (`wrangler dev`, self-hosted workerd) the header is the caller's to choose, so
 * every caller is one client there.
 */
export function clientKey(request: Request, arrival: Arrival, config: Config): string {
  if (arrival.loopback) return "loopback";
  if (!config.behindCloudflare) return "unknown";
  const cf = (request as Request & { cf?: unknown }).cf;
  if (typeof cf !== "object" || cf === null) return "unknown";
  const raw = request.headers.get("cf-connecting-ip");
  return (raw && bucketOf(raw.trim())) || "unknown";
}

/** `v4:a.b.c.d`, `v6:xxxx:xxxx:xxxx:xxxx::/64`, or undefined for anything that is not an address. */
export function bucketOf(address: string): string | undefined {
  const v4 = ipv4(address);
  if (v4) return `v4:${v4.join(".")}`;
  const v6 = ipv6(address);
  if (!v6) return undefined;
  // IPv4-mapped (::ffff:a.b.c.d) is the IPv4 client.
  if (v6.slice(0, 5).every((h) => h === 0) && v6[5] === 0xffff) return `v4:${[v6[6]! >> 8, v6[6]! & 255, v6[7]! >> 8, v6[7]! & 255].join(".")}`;
  return `v6:${v6.slice(0, 4).map((h) => h.toString(16)).join(":")}::/64`;
}

function ipv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

/** The eight 16-bit groups of an IPv6 address (`::` and a trailing dotted IPv4 allowed), or undefined. */
function ipv6(text: string): number[] | undefined {
  const address = text.replace(/%.*$/, ""); // a zone id names the interface, not the host
  if (!/^[0-9a-fA-F:.]+$/.test(address) || address.split("::").length > 2) return undefined;
  const expand = (side: string): number[] | undefined => {
    if (side === "") return [];
    const groups: number[] = [];
    const parts = side.split(":");
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1 && part.includes(".")) {
        const v4 = ipv4(part);
        if (!v4) return undefined;
        groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) groups.push(parseInt(part, 16));
      else return undefined;
    }
    return groups;
  };
  const [head, tail] = address.split("::");
  const left = expand(head!);
  const right = tail === undefined ? [] : expand(tail);
  if (!left || !right) return undefined;
  if (tail === undefined) return left.length === 8 ? left : undefined;
  const fill = 8 - left.length - right.length;
  return fill >= 1 ? [...left, ...Array<number>(fill).fill(0), ...right] : undefined;
}
