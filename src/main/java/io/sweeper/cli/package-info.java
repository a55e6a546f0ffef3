/**
 * The command line: one picocli class per command. The only package that reads flags, prints
 * progress and chooses exit codes; every command parses, calls one service and prints.
 */
package io.sweeper.cli;
