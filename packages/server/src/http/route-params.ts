import { Type } from '@sinclair/typebox';

/** The problems a change can answer besides bad input: its target is missing, it conflicts, Kafka is away. */
export const conflictResponses = {
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  503: Type.Ref('Problem'),
};
