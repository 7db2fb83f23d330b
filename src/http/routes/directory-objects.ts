// `/directoryObjects`: any device or group by its object id, one (`GET /directoryObjects/{id}`)
// or up to 1,000 at once (`POST /directoryObjects/getByIds`), each in its own shape with its
// `@odata.type`. Graph asks `Directory.Read.All` for both.
import { directoryObjectsById } from '../../fleet/directory-object-json.js';
import { parseGetByIds } from '../../fleet/get-by-ids-body.js';
import { graphError } from '../../graph/errors.js';
import type { Db } from '../../store/store.js';
import { addRoute } from '../add-route.js';
import { metadataUrl, sendEntity } from '../odata-response.js';
import { guidParam } from '../path-params.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { directoryVersions } from './devices.js';

const readDirectory = ['Directory.Read.All', 'Directory.ReadWrite.All'];

export function registerDirectoryObjectRoutes(server: GraphServer, db: Db): void {
  for (const version of directoryVersions) {
    const path = `/${version}/directoryObjects`;

    addRoute(server, {
      method: 'GET',
      url: `${path}/:id`,
      permissions: readDirectory,
      handler: async (request, reply) => {
        const id = guidParam(request, 'id', 'directory object');
        const found = await directoryObjectsById(db, principalOf(request).tenantId, [id]);
        const json = found.get(id);
        if (json === undefined) throw graphError('notFound', { segment: id });

        sendEntity(request, reply, { contextPath: 'directoryObjects', json });
      },
    });

    addRoute(server, {
      method: 'POST',
      url: `${path}/getByIds`,
      permissions: readDirectory,
      handler: async (request, reply) => {
        const asked = parseGetByIds(request.body);
        const found = await directoryObjectsById(db, principalOf(request).tenantId, asked.ids);
        const wanted = (json: Record<string, unknown>) =>
          asked.types === null ||
          [...asked.types].some((type) => json['@odata.type'] === `#microsoft.graph.${type}`);
        const value = [...new Set(asked.ids)]
          .map((id) => found.get(id))
          .filter((json): json is Record<string, unknown> => json !== undefined && wanted(json));
        const { baseUrl, version: asOf } = request.graph;

        reply.send({ '@odata.context': metadataUrl(baseUrl, asOf, 'directoryObjects'), value });
      },
    });
  }
}
