/* Builds the task pane: one page, its script, the icons and the manifest, into dist/addin. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
  return {
    devtool: dev ? 'source-map' : false,
    entry: { taskpane: './src/taskpane/taskpane.ts' },
    output: { path: path.resolve(__dirname, 'dist/addin'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // ES module output lets webpack tree-shake turf and the rest.
            options: { configFile: 'tsconfig.json', compilerOptions: { module: 'esnext', sourceMap: dev }, onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist/addin') },
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
    performance: { hints: false },
  };
};
