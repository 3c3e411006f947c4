import { WEIR_VERSION } from '@weir/api/version';

export async function versionCommand(_args: string[]): Promise<void> {
  console.log(`weir ${WEIR_VERSION} (node ${process.version})`);
}
