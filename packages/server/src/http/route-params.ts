import { Type } from '@sinclair/typebox';
import { MAX_KAFKA_STRING_LENGTH, PATH_NAME_RULE } from './path-names.ts';

export const ClusterParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const TopicParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String({ minLength: 1, description: PATH_NAME_RULE }),
});
export const BrokerParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  brokerId: Type.Integer({ minimum: 0 }),
});
export const GroupParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  groupId: Type.String({ minLength: 1, maxLength: MAX_KAFKA_STRING_LENGTH, description: PATH_NAME_RULE }),
});
export const Loose = Type.Object({}, { additionalProperties: true });
export const conflictResponses = {
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  503: Type.Ref('Problem'),
};
