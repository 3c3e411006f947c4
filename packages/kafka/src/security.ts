import type { Admin } from '@platformatic/kafka';
import { rawRequest } from './raw-call.ts';

export interface ScramUser {
  user: string;
  mechanisms: { mechanism: string; iterations: number }[];
}

interface RawScram {
  errorCode: number;
  results: {
    user: string;
    errorCode: number;
    credentialInfos: { mechanism: number; iterations: number }[];
  }[];
}

const SCRAM_MECHANISM_NAMES: Record<number, string> = { 1: 'SCRAM-SHA-256', 2: 'SCRAM-SHA-512' };

/** Every SCRAM user and its mechanisms (never the credentials themselves). */
export async function describeScramUsers(admin: Admin): Promise<ScramUser[]> {
  const response = await rawRequest<RawScram>(admin, 'DescribeUserScramCredentials', [null]);
  return response.results
    .filter((r) => r.errorCode === 0)
    .map((r) => ({
      user: r.user,
      mechanisms: r.credentialInfos.map((c) => ({
        mechanism: SCRAM_MECHANISM_NAMES[c.mechanism] ?? `unknown(${c.mechanism})`,
        iterations: c.iterations,
      })),
    }))
    .sort((a, b) => a.user.localeCompare(b.user));
}
