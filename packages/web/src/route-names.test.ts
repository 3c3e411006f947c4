import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AWKWARD_GROUP_IDS, randomGroupIds, randomTopicNames } from '@weir/testkit';
import { matchRoutes } from 'react-router-dom';
import { nameFromRoute, routePathName } from './route-names.ts';

// The API's own encoding (and that API paths survive the browser) is tested in packages/api.
const names = [...AWKWARD_GROUP_IDS, ...randomGroupIds(7, 200), ...randomTopicNames(7, 20)];
// What a browser does to a path before anyone sees it: WHATWG URL parsing drops "." and ".."
// segments, also written %2E.
const asBrowserSends = (path: string) => new URL(path, 'http://console.example').pathname;

test("console routes give every name back to its page, through the browser and React Router's decoding", () => {
  const routes = [
    { path: '/clusters/:clusterId/groups/:groupId' },
    { path: '/clusters/:clusterId/topics/:topic' },
  ];
  for (const name of names) {
    for (const [noun, param] of [
      ['groups', 'groupId'],
      ['topics', 'topic'],
    ] as const) {
      const pathname = asBrowserSends(`/clusters/c/${noun}/${routePathName(name)}`);
      const [match] = matchRoutes(routes, pathname) ?? [];
      assert.ok(match, `${JSON.stringify(name)} routes to the ${noun} page (${pathname})`);
      assert.equal(nameFromRoute(match.params[param] ?? ''), name, JSON.stringify(name));
    }
  }
});

test('a plain name keeps a plain URL', () => {
  assert.equal(routePathName('orders.v1'), 'orders.v1');
  assert.equal(routePathName('.'), '~.');
});
