package org.healthguides.markdown;

import java.util.Set;

import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRendererFactory;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.DataHolder;

/**
 * Renders an admonition ({@code !!! urgent "See a doctor if:"}) as a care-card callout: a labelled region whose
 * heading says what to do and whose level is said in words (visually hidden), never by colour alone.
 * The element structure is fixed here; how it looks is the stylesheet's business.
 */
final class CalloutNodeRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(new NodeRenderingHandler<>(AdmonitionBlock.class, this::render));
    }

    private void render(AdmonitionBlock block, NodeRendererContext context, HtmlWriter html) {
        CalloutPlan.Entry plan = CalloutPlan.KEY.get(context.getDocument()).get(block);
        String headingTag = "h" + plan.headingLevel();
        html.attr("class", "callout callout--" + plan.kind())
                .attr("aria-labelledby", plan.headingId())
                .attr("data-kind", plan.kind())
                .withAttr().tag("section").line();
        html.attr("class", "callout__heading").attr("id", plan.headingId()).withAttr().tag(headingTag);
        html.attr("class", "callout__label").withAttr().tag("span").text(plan.label() + ":").closeTag("span");
        html.raw(" ");
        html.text(plan.heading());
        html.closeTag(headingTag).line();
        html.attr("class", "callout__content").withAttr().tag("div").line();
        context.renderChildren(block);
        html.closeTag("div").line();
        html.closeTag("section").line();
    }

    static final class Factory implements NodeRendererFactory {
        @Override
        public NodeRenderer apply(DataHolder options) {
            return new CalloutNodeRenderer();
        }
    }
}
