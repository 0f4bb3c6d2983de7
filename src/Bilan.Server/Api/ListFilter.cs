using System.Text;
using Bilan.Domain.Errors;

namespace Bilan.Server.Api;

/// <summary>One condition of a list filter: <c>field = value</c>; a quoted value ending in <c>*</c> is a prefix.</summary>
public sealed record FilterTerm(string Field, string Value, bool Quoted)
{
    public bool IsPrefix => Quoted && Value.EndsWith('*');

    public string Prefix => Value.TrimEnd('*');
}

/// <summary>
/// The subset of AIP-160 filters the list methods accept: comparisons <c>field = value</c> joined by
/// <c>AND</c> (or plain spaces), values quoted (<c>"..."</c>, with <c>\"</c> escapes) or bare (enum names).
/// Each list method names its fields; anything else is INVALID_ARGUMENT on <c>filter</c>.
/// </summary>
public static class ListFilter
{
    public static IReadOnlyList<FilterTerm> Parse(string filter, IReadOnlyCollection<string> allowedFields)
    {
        var terms = new List<FilterTerm>();
        var reader = new Reader(filter);
        while (reader.SkipSpaces())
        {
            if (terms.Count > 0 && reader.TryConjunction() && !reader.SkipSpaces())
            {
                throw Invalid("The filter ends with AND.", "Le filtre se termine par AND.");
            }

            var field = reader.Identifier() ?? throw Invalid($"Expected a field name at position {reader.Position + 1}.",
                $"Nom de champ attendu en position {reader.Position + 1}.");
            if (!allowedFields.Contains(field))
            {
                throw Invalid($"Unknown filter field '{field}'; allowed: {string.Join(", ", allowedFields)}.",
                    $"Champ de filtre inconnu « {field} » ; champs possibles : {string.Join(", ", allowedFields)}.");
            }

            if (terms.Any(t => t.Field == field))
            {
                throw Invalid($"The field '{field}' appears twice.", $"Le champ « {field} » apparaît deux fois.");
            }

            reader.SkipSpaces();
            if (!reader.TryKeyword("="))
            {
                throw Invalid($"Expected '=' after '{field}'.", $"« = » attendu après « {field} ».");
            }

            reader.SkipSpaces();
            terms.Add(reader.Value(field));
            if (!reader.AtEndOrSpace())
            {
                throw Invalid($"Expected a space or the end after the value of '{field}'.",
                    $"Espace ou fin attendue après la valeur de « {field} ».");
            }
        }

        return terms;
    }

    public static InvalidFieldsException Invalid(string description, string french) =>
        new([new FieldViolation("filter", "INVALID_FILTER", description, french)]);

    private sealed class Reader(string text)
    {
        public int Position { get; private set; }

        /// <summary>Skips white space; false at the end of the text.</summary>
        public bool SkipSpaces()
        {
            while (Position < text.Length && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }

            return Position < text.Length;
        }

        /// <summary>Reads <c>AND</c> when a space or the end follows it (so that a field named ANDROID stays a field).</summary>
        public bool TryConjunction()
        {
            if (string.CompareOrdinal(text, Position, "AND", 0, 3) == 0 && (Position + 3 == text.Length || char.IsWhiteSpace(text[Position + 3])))
            {
                Position += 3;
                return true;
            }

            return false;
        }

        public bool AtEndOrSpace() => Position >= text.Length || char.IsWhiteSpace(text[Position]);

        public bool TryKeyword(string keyword)
        {
            if (string.CompareOrdinal(text, Position, keyword, 0, keyword.Length) != 0)
            {
                return false;
            }

            Position += keyword.Length;
            return true;
        }

        public string? Identifier()
        {
            var start = Position;
            while (Position < text.Length && (char.IsAsciiLetterOrDigit(text[Position]) || text[Position] == '_'))
            {
                Position++;
            }

            return Position > start ? text[start..Position] : null;
        }

        public FilterTerm Value(string field)
        {
            if (Position < text.Length && text[Position] == '"')
            {
                return new FilterTerm(field, QuotedString(field), Quoted: true);
            }

            var start = Position;
            while (Position < text.Length && !char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }

            if (Position == start)
            {
                throw Invalid($"Expected a value after '{field} ='.", $"Valeur attendue après « {field} = ».");
            }

            return new FilterTerm(field, text[start..Position], Quoted: false);
        }

        private string QuotedString(string field)
        {
            var value = new StringBuilder();
            for (Position++; Position < text.Length; Position++)
            {
                var c = text[Position];
                if (c == '"')
                {
                    Position++;
                    return value.ToString();
                }

                if (c == '\\' && Position + 1 < text.Length)
                {
                    c = text[++Position];
                }

                value.Append(c);
            }

            throw Invalid($"The value of '{field}' has no closing quote.", $"La valeur de « {field} » n'a pas de guillemet fermant.");
        }
    }
}
