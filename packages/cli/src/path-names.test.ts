import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePathName, encodePathName } from '@weir/server';
import { AWKWARD_GROUP_IDS, randomGroupIds, randomTopicNames } from '@weir/testkit';
import { pathName } from './path-names.ts';

test("the CLI's path segments are the server's encoding, and survive fetch's URL parsing", () => {
  for (const name of [...AWKWARD_GROUP_IDS, ...randomGroupIds(3, 200), ...randomTopicNames(3, 20)]) {
    assert.equal(pathName(name), encodePathName(name), JSON.stringify(name));
    // fetch parses with WHATWG URL, which drops "." and ".." segments as a browser does.
    const sent = new URL(`/api/v1/clusters/c/groups/${pathName(name)}`, 'http://weir.example').pathname;
    assert.equal(
      decodePathName(decodeURIComponent(sent.split('/').at(-1) ?? '')),
      name,
      JSON.stringify(name),
    );
  }
});
