import { InputError } from '../errors.ts';

/**
 * The typed confirmation of a destructive change: `confirmName` must repeat the target's exact name.
 * @param kind what is named, for the message: `topic`, `group`, `schema`.
 * @throws InputError (code `confirm.mismatch`) when it does not.
 */
export function assertConfirmed(kind: string, name: string, confirmName: string): void {
  if (confirmName !== name)
    throw new InputError(
      `Type the ${kind}'s exact name to confirm: "${name}".`,
      [`confirmName: must equal "${name}".`],
      {
        code: 'confirm.mismatch',
        params: { expected: name },
      },
    );
}
