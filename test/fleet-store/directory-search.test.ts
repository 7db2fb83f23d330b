// Directory `$search` in Graph's form: `"property:text"` clauses joined by AND and OR, names
// matched by tokens as Graph's directory splits them, other strings by their start.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Client } from '@microsoft/microsoft-graph-client';
import { startTestService, type TestService } from '../support/service.js';
import { directoryWriter, newDevice, newGroup, objectUrl } from './directory-fixtures.js';

describe('directory $search takes Graph\'s "property:text" clauses and matches tokens', () => {
  let service: TestService;
  let client: Client;
  const ids = new Map<string, string>();

  before(async () => {
    service = await startTestService();
    client = await directoryWriter(service);
    for (const [name, operatingSystem] of [
      ['PC-LAPTOP-01', 'Windows'],
      ['KioskTerminal', 'Windows IoT'],
      ['Build agent 7', 'Linux'],
    ] as const) {
      ids.set(name, (await newDevice(client, name, { operatingSystem })).id);
    }
    const pilot = await newGroup(client, 'Pilot ring', {
      description: 'First wave of driver updates',
    });
    ids.set('Pilot ring', pilot.id);
    ids.set('Broad ring', (await newGroup(client, 'Broad ring')).id);
  });
  after(() => service.dispose());

  const search = async (path: string, text: string) => {
    const page = (await client
      .api(path)
      .header('ConsistencyLevel', 'eventual')
      .search(text)
      .get()) as { value: { displayName: string }[] };

    return page.value.map((item) => item.displayName).sort();
  };

  test('a search token matches the start of a name token, not the middle of one', async () => {
    assert.deepEqual(await search('/devices', '"displayName:laptop"'), ['PC-LAPTOP-01']);
    assert.deepEqual(await search('/devices', '"displayName:top"'), []);
    assert.deepEqual(await search('/devices', '"displayName:term"'), ['KioskTerminal']);
    assert.deepEqual(await search('/devices', '"displayName:pclaptop01"'), ['PC-LAPTOP-01']);
    assert.deepEqual(await search('/devices', '"displayName:agent Build"'), ['Build agent 7']);
  });

  test('other strings match by their start; clauses combine with AND, OR and ()', async () => {
    assert.deepEqual(await search('/devices', '"operatingSystem:windows"'), [
      'KioskTerminal',
      'PC-LAPTOP-01',
    ]);
    assert.deepEqual(
      await search(
        '/devices',
        '"operatingSystem:Windows" AND ("displayName:kiosk" OR "displayName:7")',
      ),
      ['KioskTerminal'],
    );
    assert.deepEqual(await search('/groups', '"description:wave" OR "mailNickname:Broad"'), [
      'Broad ring',
      'Pilot ring',
    ]);
  });

  test('member lists search their members; a renamed group is found by its new name', async () => {
    const pilot = ids.get('Pilot ring')!;
    await client
      .api(`/groups/${pilot}/members/$ref`)
      .post({ '@odata.id': objectUrl(ids.get('KioskTerminal')!) });
    await client.api(`/groups/${ids.get('Broad ring')}`).patch({ displayName: 'Everyone else' });

    assert.deepEqual(await search(`/groups/${pilot}/members`, '"displayName:kiosk"'), [
      'KioskTerminal',
    ]);
    assert.deepEqual(await search('/groups', '"displayName:everyone"'), ['Everyone else']);
    assert.deepEqual(await search('/groups', '"displayName:broad"'), []);
  });

  test('a bare term, which Graph refuses on directory objects, is a 400', async () => {
    await assert.rejects(
      client.api('/devices').header('ConsistencyLevel', 'eventual').search('"laptop"').get(),
      { statusCode: 400, message: /a clause is "property:text", not "laptop"/ },
    );
  });
});
