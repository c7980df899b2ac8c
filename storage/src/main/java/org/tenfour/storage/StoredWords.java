package org.tenfour.storage;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

/** JDBI's binding and mapping of every {@link StoredWord} enum; an unknown word fails loudly. */
final class StoredWords implements ArgumentFactory.Preparable, ColumnMapperFactory {

    // Preparable, so that JDBI asks this factory before its own by-name binding of enums
    @Override
    public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
        if (storedWord(type) == null) {
            return Optional.empty();
        }
        return Optional.of(
                value ->
                        value == null
                                ? (position, statement, ctx) ->
                                        statement.setNull(position, Types.VARCHAR)
                                : (position, statement, ctx) ->
                                        statement.setString(position, ((StoredWord) value).word()));
    }

    @Override
    public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
        Class<? extends Enum> enumType = storedWord(type);
        if (enumType == null) {
            return Optional.empty();
        }
        return Optional.of(
                (rs, column, ctx) -> {
                    String word = rs.getString(column);
                    return word == null ? null : read(enumType, word);
                });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(Class<? extends Enum> type, String word) {
        try {
            return Enum.valueOf((Class) type, word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "unknown " + type.getSimpleName() + " in the database: " + word, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Enum> storedWord(Type type) {
        Class<?> raw = GenericTypes.getErasedType(type);
        return raw.isEnum() && StoredWord.class.isAssignableFrom(raw)
                ? (Class<? extends Enum>) raw
                : null;
    }
}
