import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import type Chain from 'webpack-chain'
import devConfig from './dev'
import prodConfig from './prod'

// taro-ui's Sass still uses APIs that Dart Sass deprecates; keep the build output readable.
const sassLoaderOption = {
  sassOptions: {
    quietDeps: true,
    silenceDeprecations: ['legacy-js-api', 'import', 'slash-div', 'global-builtin', 'color-functions'],
  },
}

/**
 * What both builds change in Taro's webpack configuration, each for a stated reason:
 * - No size hints, and "big" only past WeChat's 2 MiB package limit: webpack's 244 KiB web default describes neither a
 *   mini-program's packages nor this app's first load; test/budget/size.test.ts holds the packages to their own budget
 *   and `npm run bench` prints the first load.
 * - When the output is not a terminal (CI, `npm start` into a log), the progress bar would be printed once per frame:
 *   keep only the plain reporter, which says when a build starts and ends (errors and warnings still print).
 */
function webpackChain(chain: Chain): void {
  chain.performance
    .hints(false)
    .maxAssetSize(2 * 1024 * 1024)
    .maxEntrypointSize(2 * 1024 * 1024)
  if (!process.stdout.isTTY) {
    chain
      .plugin('webpackbar')
      .tap((args: Array<{ reporters?: unknown[] }>) => [
        { ...args[0], reporters: (args[0]?.reporters ?? []).filter((r) => r !== 'fancy') },
      ])
  }
}

/**
 * Taro's TaroComponentsExportsPlugin adds plain NullDependency objects, a class webpack never registers for its
 * persistent cache, so every build warned "No serializer registered for NullDependency" and re-processed
 * @tarojs/components from scratch. NullDependency carries nothing of its own: registering it lets the cache keep
 * that module like any other.
 */
// webpack's internals ship no type declarations.
/* eslint-disable @typescript-eslint/no-require-imports */
const NullDependency = require('webpack/lib/dependencies/NullDependency') as object
const makeSerializable = require('webpack/lib/util/makeSerializable') as (
  type: object,
  request: string,
) => void
/* eslint-enable @typescript-eslint/no-require-imports */
makeSerializable(NullDependency, 'webpack/lib/dependencies/NullDependency')

// The contract in types/ (shared with the cloud functions) lives outside src/, so Taro must be told to compile it.
const compile = { include: [path.resolve(__dirname, '..', 'types')] }

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xiaoshe',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // The weapp build must land in dist/ (project.config.json's miniprogramRoot); H5 goes beside it.
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {},
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@shared': path.resolve(__dirname, '..', 'types'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // The H5 build serves the local emulator's demo and the browser tests: esbuild minifies it in a third of
    // terser's time (a cold build 34 s instead of 93 s here), for about a third more JavaScript. The weapp build is
    // what WeChat users download, so it keeps terser's smaller output (test/budget/size.test.ts holds its budget).
    ...(isH5
      ? {
          jsMinimizer: 'esbuild' as const,
          esbuild: { minify: { enable: true, config: { target: 'es2015', legalComments: 'none' } } },
        }
      : {}),
    // The TARO_APP_* values of .env are inlined into the code: a change to .env must not reuse cached modules.
    cache: { enable: true, buildDependencies: { env: [path.resolve(__dirname, '..', '.env')] } },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      sassLoaderOption,
      compile,
      webpackChain,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      sassLoaderOption,
      compile,
      webpackChain,
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
