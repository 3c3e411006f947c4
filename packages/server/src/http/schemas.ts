import { Type } from '@sinclair/typebox';

/** What any authenticated route can answer besides its own problems (bodies are @weir/api's Problem). */
export const problemResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
};
