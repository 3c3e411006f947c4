/**
 * Names Kafka accepts that tend to break URLs, shells and routers, plus seeded random ones, for
 * round-trip tests. Group ids (and user names, principals) are any string (Kafka's protocol STRING);
 * topic names are `[a-zA-Z0-9._-]{1,249}` other than `.` and `..` (Kafka's Topic.validate).
 */
export const AWKWARD_GROUP_IDS = [
  '.',
  '..',
  '...',
  '~',
  '~.',
  'a/b',
  '/',
  '//',
  '../x',
  'a%2Fb',
  '%',
  '%25',
  '100%',
  'what?',
  '#hash',
  'a?b#c&d=e',
  'with space',
  ' leading',
  'plus+sign',
  'back\\slash',
  'quote"s\'',
  '<tag>',
  'ünïcødé-名前-🙂',
  ';semi;colon',
  'a..b',
  'x'.repeat(300),
];

const GROUP_ALPHABET = [
  '.',
  '/',
  '%',
  '?',
  '#',
  ' ',
  '~',
  '\\',
  '&',
  '=',
  '+',
  ':',
  '@',
  'a',
  'Z',
  '9',
  '-',
  '_',
  'é',
  '名',
  '🙂',
];
const TOPIC_ALPHABET = 'abcxyzABCXYZ0189._-';

/** A small seeded generator (mulberry32), so a failing name can be reproduced from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** `count` group ids of 1–40 characters drawn mostly from URL-special characters. */
export function randomGroupIds(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(random() * 40) }, () => pick(random, GROUP_ALPHABET)).join(''),
  );
}

/** `count` legal topic names of 1–249 characters (never `.` or `..`); the first is 249 long. */
export function randomTopicNames(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const names: string[] = [];
  while (names.length < count) {
    const length = names.length === 0 || random() < 0.2 ? 249 : 1 + Math.floor(random() * 248);
    const name = Array.from({ length }, () => pick(random, [...TOPIC_ALPHABET])).join('');
    if (name !== '.' && name !== '..') names.push(name);
  }
  return names;
}
