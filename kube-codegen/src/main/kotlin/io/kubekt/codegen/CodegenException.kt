package io.kubekt.codegen

/** The spec or the options cannot be turned into sources; the message says what and where. */
public class CodegenException(message: String) : RuntimeException(message)
