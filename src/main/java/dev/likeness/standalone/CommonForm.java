package dev.likeness.standalone;

import org.jboss.resteasy.reactive.RestForm;

/** The multipart fields every standalone endpoint takes besides its images and thresholds, as sent. */
public class CommonForm {

    @RestForm("rotate_image")
    public String rotateImage;

    @RestForm("save_api_request")
    public String saveApiRequest;

    @RestForm("vendor_data")
    public String vendorData;

    @RestForm("metadata")
    public String metadata;
}
