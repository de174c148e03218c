package vn.gov.hanoi.lienthong.tracking;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.tracking.*}.
 *
 * @param paperCopyWithin the working days within which a paper copy the policy requires (Article 5.1) must be
 *                        confirmed by the recipient's clerk before both sides see it listed as late
 * @param pageSize        the most rows a list answers at once (a page beyond it with {@code offset})
 */
@ConfigurationProperties("hub.tracking")
public record TrackingSettings(Integer paperCopyWithin, Integer pageSize) {

    public TrackingSettings {
        if (paperCopyWithin == null) paperCopyWithin = 5;
        if (pageSize == null) pageSize = 200;
    }
}
