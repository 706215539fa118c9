/** The disclosure ledger: what earlier runs on the same records published, kept with the output. */
export * from './ledger';
export * from './ledgerText';
export * from './recordFingerprint';
export * from './ledgerSheet';
