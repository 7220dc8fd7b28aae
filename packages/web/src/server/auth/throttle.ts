/**
 * Login throttling: after too many failed attempts within a window, an account (any IP) or an IP
 * (any account) must wait. Kept in memory: one server process; a restart forgets, which only lets a
 * guesser start again from zero after a restart an attacker cannot trigger.
 */
export interface ThrottleOptions {
  maxPerAccount: number;
  maxPerIp: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  maxPerAccount: 5,
  maxPerIp: 30,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

interface Counter {
  failures: number[];
  lockedUntil: number;
}

export class LoginThrottle {
  readonly #opts: ThrottleOptions;
  readonly #accounts = new Map<string, Counter>();
  readonly #ips = new Map<string, Counter>();
  readonly #now: () => number;

  constructor(opts: Partial<ThrottleOptions> = {}, now: () => number = Date.now) {
    this.#opts = { ...DEFAULT_THROTTLE, ...opts };
    this.#now = now;
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed now. */
  retryAfter(account: string, ip: string): number {
    const now = this.#now();
    const wait = Math.max(
      this.#accounts.get(account.toLowerCase())?.lockedUntil ?? 0,
      this.#ips.get(ip)?.lockedUntil ?? 0,
    );
    return wait > now ? Math.ceil((wait - now) / 1000) : 0;
  }

  fail(account: string, ip: string): void {
    this.#bump(this.#accounts, account.toLowerCase(), this.#opts.maxPerAccount);
    this.#bump(this.#ips, ip, this.#opts.maxPerIp);
  }

  succeed(account: string): void {
    this.#accounts.delete(account.toLowerCase());
  }

  #bump(map: Map<string, Counter>, key: string, max: number): void {
    const now = this.#now();
    const c = map.get(key) ?? { failures: [], lockedUntil: 0 };
    c.failures = c.failures.filter((t) => now - t < this.#opts.windowMs);
    c.failures.push(now);
    if (c.failures.length >= max) {
      c.lockedUntil = now + this.#opts.lockMs;
      c.failures = [];
    }
    map.set(key, c);
    // Bounded memory under a spray of names: forget the oldest entries.
    if (map.size > 10_000) {
      const first = map.keys().next().value;
      if (first !== undefined) map.delete(first);
    }
  }
}
