import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's IP address, set by the web server (scripts/start.ts). */
    clientIp?: string;
  }
}
