import { englishStringTranslator, TranslatableString } from '@rjsf/utils';
import type { TFunction } from 'i18next';

/** The form library's own strings by their value, named as its enum names them (`AddItemButton`). */
const NAMES = new Map<string, string>(Object.entries(TranslatableString).map(([name, text]) => [text, name]));

/**
 * react-jsonschema-form's own words (buttons, Yes/No, array labels) in the user's language:
 * `schemaForm.<name>` with its `%1`, `%2` as `{{p1}}`, `{{p2}}`. The few it has no key for are its
 * messages about a broken schema, meant for the plugin's author: they stay in English.
 */
export function schemaFormStrings(t: TFunction) {
  return (text: TranslatableString, params?: string[]): string => {
    const name = NAMES.get(text);
    const fallback = englishStringTranslator(text, params);
    if (!name) return fallback;
    const values = Object.fromEntries((params ?? []).map((param, index) => [`p${index + 1}`, param]));
    return t(`schemaForm.${name}`, { ...values, defaultValue: fallback });
  };
}
