// The only door to @peculiar/x509: it loads the Reflect metadata polyfill tsyringe needs before the library.
// Import from here, never from "@peculiar/x509" directly, or the library throws at load time.
import "reflect-metadata";

export * from "@peculiar/x509";
