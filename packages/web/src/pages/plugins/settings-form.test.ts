import assert from 'node:assert/strict';
import { test } from 'node:test';
import { secretNames, settingsToSave, settingsUiSchema } from './settings-form.ts';

/** A plugin's settings schema with the given secrets beside one plain setting. */
const schemaWith = (...secrets: string[]) => ({
  type: 'object',
  properties: {
    url: { type: 'string' },
    ...Object.fromEntries(secrets.map((name) => [name, { type: 'string', writeOnly: true }])),
  },
});

test('the secrets are the properties marked writeOnly, and only those', () => {
  assert.deepEqual(secretNames(schemaWith('token', 'password')), ['token', 'password']);
  assert.deepEqual(secretNames({ properties: { flag: { type: 'boolean', writeOnly: false } } }), []);
  assert.deepEqual(secretNames({}), []);
});

test('every secret is a password input; only one already set carries the keep hint', () => {
  assert.deepEqual(settingsUiSchema(schemaWith('token', 'password'), ['token'], 'keep'), {
    token: { 'ui:widget': 'password', 'ui:help': 'keep' },
    password: { 'ui:widget': 'password' },
  });
});

test('a secret left empty is left out of the save, so the server keeps it; other empty values stay', () => {
  const schema = schemaWith('token', 'password');
  assert.deepEqual(settingsToSave(schema, { url: '', token: '', password: undefined }), { url: '' });
  assert.deepEqual(settingsToSave(schema, { url: 'x', token: 'new' }), { url: 'x', token: 'new' });
});
