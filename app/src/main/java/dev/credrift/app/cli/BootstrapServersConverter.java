package dev.credrift.app.cli;

import dev.credrift.app.kafka.BootstrapServers;
import picocli.CommandLine;

/** {@code host:port[,host:port...]} for {@code --kafka}; picocli prefixes the message with the option name. */
public final class BootstrapServersConverter implements CommandLine.ITypeConverter<BootstrapServers> {

    @Override
    public BootstrapServers convert(String value) {
        try {
            return BootstrapServers.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
