import { Type } from '@sinclair/typebox';
import { problemResponses } from '../http/schemas.ts';

/** What every read of the snapshot may answer: bad input, no login, no cluster, Kafka unavailable. */
export const readErrors = { ...problemResponses, 404: Type.Ref('Problem'), 503: Type.Ref('Problem') };
/** Route config of every read: any signed-in role may read a cluster. */
export const read = { access: 'clusters:read' as const };
