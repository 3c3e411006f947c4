// One version for the whole product, kept with the HTTP contract (@weir/api's package.json).
export { WEIR_VERSION } from '@weir/api/version';
