package dev.likeness.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code limit} and {@code offset} of a list request, as sent. Read as text so a value that is
 * not a whole number is a 400 on its field ({@link Page.Window#of}); documented as the integers they are.
 */
public class PageQuery {

    @QueryParam("limit")
    @Parameter(description = "Rows per page.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
    public String limit;

    @QueryParam("offset")
    @Parameter(description = "Rows to skip.", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "2147483647"))
    public String offset;

    public Page.Window window(int defaultLimit, int maxLimit) {
        return Page.Window.of(limit, offset, defaultLimit, maxLimit);
    }
}
