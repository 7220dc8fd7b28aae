/** The signed-in user, shared by the shell, the pages and the router guard. */
import { ref } from 'vue';
import type { Me } from '../src/server/api-schemas.ts';
import { api, ApiFailure } from './api.ts';

export const me = ref<Me | null>(null);
let loaded = false;

export async function loadMe(): Promise<Me | null> {
  if (loaded) return me.value;
  try {
    me.value = await api<Me>('GET', '/api/auth/me');
  } catch (e) {
    if (!(e instanceof ApiFailure) || e.status !== 401) throw e;
    me.value = null;
  }
  loaded = true;
  return me.value;
}

export function setMe(user: Me | null): void {
  me.value = user;
  loaded = true;
}
