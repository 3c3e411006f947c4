import { createHash, randomBytes } from 'node:crypto';

/** Random, unguessable bearer secrets (session cookies, API tokens); only their hash is stored. */
export const newSecret = (prefix = ''): string => `${prefix}${randomBytes(32).toString('base64url')}`;

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const API_TOKEN_PREFIX = 'weir_pat_';
