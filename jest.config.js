/** Jest runs the TypeScript sources directly through ts-jest. flatbush, flatqueue and robust-predicates ship ES modules only. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]sx?$': [
      'ts-jest',
      {
        tsconfig: {
          allowJs: true,
          module: 'commonjs',
          esModuleInterop: true,
          target: 'ES2020',
          strict: true,
          types: ['node', 'jest'],
        },
        isolatedModules: true,
      },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(.*/)?(flatbush|flatqueue|robust-predicates|strip-bom|uuid|fast-png|iobuffer)/)',
  ],
  testTimeout: 60000,
};
