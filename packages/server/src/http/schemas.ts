import { Type } from '@sinclair/typebox';

/** The problem body every error response carries (see http/problem.ts). */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    problems: Type.Optional(Type.Array(Type.String())),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

export const problemResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
};

/** String options: no control characters (tabs, line breaks, NUL), explained by rule, not regex. */
export const noControlCharacters = {
  pattern: '^[^\\u0000-\\u001f\\u007f]+$',
  'x-rule': 'remove control characters such as tabs and line breaks',
};
