/**
 * Password hashing with scrypt (node:crypto), a random salt per password. The parameters are stored
 * with each hash, so raising the cost later leaves old hashes verifiable.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** log2 of scrypt's N: N = 2^17, r = 8, p = 1 is the OWASP Password Storage Cheat Sheet's minimum (128 MiB, ~0.2 s). */
export const DEFAULT_SCRYPT_COST = 17;
const KEY_LENGTH = 64;

function scryptAsync(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const params = (log2n: number): ScryptOptions => ({ N: 2 ** log2n, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });

/** `scrypt$<log2 N>$<r>$<p>$<salt base64>$<hash base64>` */
export async function hashPassword(password: string, log2n = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFC'), salt, KEY_LENGTH, params(log2n));
  return `scrypt$${log2n}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const log2n = Number(parts[1]);
  const r = Number(parts[2]);
  const p = Number(parts[3]);
  if (!Number.isInteger(log2n) || log2n < 10 || log2n > 20 || r !== 8 || p !== 1) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (expected.length !== KEY_LENGTH) return false;
  const key = await scryptAsync(password.normalize('NFC'), salt, KEY_LENGTH, params(log2n));
  return timingSafeEqual(key, expected);
}

/** A hash that matches no password: verifying against it keeps an unknown user name as slow as a known one. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(log2n: number): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'), log2n);
  return dummyHash;
}

/** A random password people can type: 16 characters without look-alikes (0/O, 1/l/I). */
export function generatePassword(length = 16): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    const b = bytes[i]!;
    // Rejection sampling keeps every character equally likely.
    if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
  }
  return out.length === length ? out : generatePassword(length);
}

/** Minimum rules for a password someone chooses. Returns a Chinese reason, or undefined when fine. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 10) return '密码至少 10 个字符';
  if (password.length > 200) return '密码不能超过 200 个字符';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码应同时包含字母和数字';
  return undefined;
}
