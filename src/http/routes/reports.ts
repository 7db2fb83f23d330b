// PUT /drivergraph/v1/devices/{deviceId}/report: a device's report of its hardware and drivers.
// Not a Graph route, so the server's Graph permission check does not apply: the route admits
// an application with the reporting role, or the device itself through a device token.
import type { FastifyRequest } from 'fastify';
import type { DeviceReportService } from '../../fleet/device-report-service.js';
import { MAX_REPORT_JSON_LENGTH } from '../../fleet/report-limits.js';
import { validateReport, type ReportError } from '../../fleet/validate-report.js';
import { graphError } from '../../graph/errors.js';
import type { Principal, TokenVerifier } from '../../identity/index.js';
import { requirePermission } from '../../identity/index.js';
import { guidParam } from '../path-params.js';
import { principalOf } from '../request-context.js';
import type { GraphServer } from '../server.js';
import { REPORT_ROLE } from './devices-permissions.js';

export const reportPath = '/drivergraph/v1/devices/:deviceId/report';

/** A report may be as large as one line of an import file. */
export const reportBodyLimit = MAX_REPORT_JSON_LENGTH;

export interface ReportRouteDeps {
  readonly reports: DeviceReportService;
  readonly verifier: TokenVerifier;
}

export function registerReportRoutes(server: GraphServer, deps: ReportRouteDeps): void {
  server.routes.add('PUT', reportPath);
  server.app.route({
    method: 'PUT',
    url: reportPath,
    bodyLimit: reportBodyLimit,
    // Who may send is settled before the body is read, so strangers cannot make us parse 8 MiB.
    onRequest: async (request) => {
      const principal = await deps.verifier.verify(request.headers.authorization);
      request.graph.principal = principal;
      request.log = request.log.child({ tenant: principal.tenantId });
      authorize(principal, guidParam(request, 'deviceId', 'device'));
    },
    errorHandler: (error) => {
      if ((error as { code?: string }).code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
      throw graphError('payloadTooLarge', { limit: reportBodyLimit });
    },
    handler: async (request, reply) => {
      const deviceId = guidParam(request, 'deviceId', 'device');
      const report = readReport(request, deviceId);
      const outcome = await deps.reports.receive(principalOf(request).tenantId, report);
      if (outcome.kind === 'stale') {
        throw graphError('conflict', {
          reason:
            `A newer report (reportedDateTime ${outcome.storedReportedAt}) is stored for ` +
            'this device; an older one never replaces it.',
        });
      }
      if (outcome.kind === 'conflicting') {
        throw graphError('conflict', {
          reason:
            `Another report with reportedDateTime ${outcome.storedReportedAt} is stored for ` +
            'this device; send a new report with a later time.',
        });
      }

      reply.send({
        deviceId,
        id: outcome.objectId,
        configurationKey: outcome.configurationKey,
        accepted: true,
        changed: outcome.kind === 'stored',
      });
    },
  });
}

function authorize(principal: Principal, deviceId: string): void {
  if (principal.kind !== 'device') {
    requirePermission(principal, [REPORT_ROLE]);

    return;
  }
  if (principal.deviceId?.toLowerCase() !== deviceId) {
    throw graphError('forbidden', { reason: 'a device token may report only for its own device' });
  }
}

function readReport(request: FastifyRequest, deviceId: string) {
  if (request.body === undefined) throw graphError('bodyNotObject', {});

  const result = validateReport(request.body);
  if (!result.ok) {
    throw graphError('invalidRequest', {
      reason: `Invalid device report: ${describe(result.errors)}`,
    });
  }
  if (result.report.deviceId !== deviceId) {
    throw graphError('invalidRequest', {
      reason: 'Invalid device report: $.deviceId must equal the deviceId in the path.',
    });
  }

  return result.report;
}

function describe(errors: readonly ReportError[]): string {
  const shown = errors.slice(0, 10).map((error) => `${error.path} ${error.message}`);
  const more = errors.length > shown.length ? `; and ${errors.length - shown.length} more` : '';

  return `${shown.join('; ')}${more}.`;
}
