/**
 * Login throttling. Failed attempts are counted three ways within a window, and each count that
 * reaches its limit makes that key wait:
 *  - an account from one address (5): a guesser at one address soon waits, while the owner, from
 *    another address, can still sign in. Locking the account everywhere after 5 failures would let
 *    anyone who knows a user name (say `admin`) lock its owner out at will.
 *  - an address, whatever account (30): one address trying many names.
 *  - an account, from any address (50): guessing spread over many addresses.
 * A success clears the account's counts; an administrator setting a new password does too. Kept in
 * memory: one server process; a restart forgets, which only lets a guesser start again from zero
 * after a restart an attacker cannot trigger.
 */
export interface ThrottleOptions {
  maxPerAccountAddress: number;
  maxPerIp: number;
  maxPerAccount: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  maxPerAccountAddress: 5,
  maxPerIp: 30,
  maxPerAccount: 50,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

interface Counter {
  failures: number[];
  lockedUntil: number;
}

export class LoginThrottle {
  readonly #opts: ThrottleOptions;
  readonly #pairs = new Map<string, Counter>();
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
    const a = account.toLowerCase();
    const wait = Math.max(
      this.#pairs.get(pairKey(a, ip))?.lockedUntil ?? 0,
      this.#accounts.get(a)?.lockedUntil ?? 0,
      this.#ips.get(ip)?.lockedUntil ?? 0,
    );
    return wait > now ? Math.ceil((wait - now) / 1000) : 0;
  }

  /** Counts a failure; returns how many more failures this account may have from this address before it waits. */
  fail(account: string, ip: string): number {
    const a = account.toLowerCase();
    return Math.min(
      this.#bump(this.#pairs, pairKey(a, ip), this.#opts.maxPerAccountAddress),
      this.#bump(this.#accounts, a, this.#opts.maxPerAccount),
      this.#bump(this.#ips, ip, this.#opts.maxPerIp),
    );
  }

  /** The owner signed in, or was given a new password: the account's counts start again. */
  succeed(account: string): void {
    const a = account.toLowerCase();
    this.#accounts.delete(a);
    const prefix = pairKey(a, '');
    for (const k of this.#pairs.keys()) if (k.startsWith(prefix)) this.#pairs.delete(k);
  }

  /** Minutes a lock lasts, for messages. */
  get lockMinutes(): number {
    return Math.ceil(this.#opts.lockMs / 60_000);
  }

  #bump(map: Map<string, Counter>, key: string, max: number): number {
    const now = this.#now();
    const c = map.get(key) ?? { failures: [], lockedUntil: 0 };
    c.failures = c.failures.filter((t) => now - t < this.#opts.windowMs);
    c.failures.push(now);
    let left = max - c.failures.length;
    if (left <= 0) {
      c.lockedUntil = now + this.#opts.lockMs;
      c.failures = [];
      left = 0;
    }
    map.set(key, c);
    // Bounded memory under a spray of names: forget the oldest entries.
    if (map.size > 10_000) {
      const first = map.keys().next().value;
      if (first !== undefined) map.delete(first);
    }
    return left;
  }
}

const pairKey = (account: string, ip: string): string => `${account}\u0000${ip}`;
